using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// ADR 25: every options class is bound from its configuration section and checked before the app serves or runs a
/// command. Its bounds are DataAnnotations on the class (<c>[Range]</c>, <c>[EnumDataType]</c>) and, for what an
/// attribute cannot say, <see cref="IValidatableObject"/>; <see cref="SectionValidator{T}"/> turns each failure into one
/// Chinese sentence naming the configuration key, so a bad appsettings value stops the start with a message that says
/// which key to fix.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, validates it at start and registers it as
    /// a singleton of its own type (what the use cases inject).</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, IConfiguration config, string section)
        where T : class
    {
        services.AddOptions<T>().Bind(config.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>Why the configuration is refused (one line per bad key), or null when every options class is valid.</summary>
    public static string? Problems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return string.Join(Environment.NewLine, e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OptionsValidationException))
        {
            return string.Join(Environment.NewLine, e.InnerExceptions.SelectMany(x => ((OptionsValidationException)x).Failures));
        }
        catch (InvalidOperationException e) // the binder: a value that is not a number, an unknown enum name
        {
            return "配置值无法读取：" + e.Message;
        }
    }
}

/// <summary>Checks an options class by its DataAnnotations; each failure names the key, e.g. <c>Alarms:AcknowledgeSeconds</c>.</summary>
public sealed class SectionValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (name != Options.DefaultName) return ValidateOptionsResult.Skip;
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(options);
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
                if (!rule.IsValid(value))
                    failures.Add($"配置项 {section}:{property.Name} 的值 {Show(value)} 无效：{Expected(rule)}。");
        }
        if (options is IValidatableObject self)
            foreach (var result in self.Validate(new ValidationContext(options)))
                failures.Add($"配置项 {string.Join("、", result.MemberNames.Select(m => $"{section}:{m}"))} 无效：{result.ErrorMessage}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Show(object? value) => value switch
    {
        null => "（空）",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Expected(ValidationAttribute rule) => rule switch
    {
        RangeAttribute r when r.MinimumIsExclusive => $"应大于 {Show(r.Minimum)} 且不超过 {Show(r.Maximum)}",
        RangeAttribute r => $"应在 {Show(r.Minimum)} 至 {Show(r.Maximum)} 之间",
        EnumDataTypeAttribute e => $"应为 {string.Join("、", Enum.GetNames(e.EnumType))} 之一",
        RequiredAttribute => "不能为空",
        _ => rule.FormatErrorMessage(""),
    };
}
