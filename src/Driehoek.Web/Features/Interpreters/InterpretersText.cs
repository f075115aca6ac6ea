namespace Driehoek.Web.Features.Interpreters;

/// <summary>Strings of the leader's interpreters page (staff: Dutch and English).</summary>
public sealed class InterpretersText;

/// <summary>The notice a family gets when an interpreter is arranged (all six languages).</summary>
[Infrastructure.Localization.FamilyFacing]
public sealed class InterpretersFamilyText;
