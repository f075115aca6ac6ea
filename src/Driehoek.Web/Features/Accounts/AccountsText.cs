using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Web.Features.Accounts;

[FamilyFacing]
public sealed class AccountsText;
