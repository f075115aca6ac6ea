using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Driehoek.Web.Features.Shared;

/// <summary>
/// MVC's own model-binding messages ("The value 'x' is not valid.") are English; these word them in the
/// user's language. The localizer reads the request's culture each time a message is made.
/// </summary>
internal sealed class ModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var text = factory.Create(typeof(SharedText));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Form.ValueInvalid", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Form.ValueInvalid", value]);
        messages.SetValueIsInvalidAccessor(value => text["Form.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["Form.ValueInvalid", ""]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Form.ValueInvalid", ""]);
        messages.SetValueMustBeANumberAccessor(_ => text["Form.NotANumber"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Form.NotANumber"]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["Form.ValueRequired"]);
        messages.SetMissingKeyOrValueAccessor(() => text["Form.ValueRequired"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Form.ValueRequired"]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Form.ValueRequired"]);
    }
}
