namespace Driehoek.Web.Features.Interpreters;

/// <summary>Strings of the leader's interpreters page (staff: Dutch and English).</summary>
public sealed class InterpretersText;
