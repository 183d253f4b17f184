namespace ElderCare.Web.Infrastructure.Errors;

public enum OutcomeKind { Ok, NotFound, Invalid, Conflict, Forbidden }

/// <summary>The result of a use case: a value, or an expected failure (not found, invalid input, conflict).</summary>
public sealed record Outcome<T>
{
    public OutcomeKind Kind { get; private init; }
    public T? Value { get; private init; }
    public FieldErrors? Errors { get; private init; }
    public string? Message { get; private init; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new() { Kind = OutcomeKind.Ok, Value = value };
    public static Outcome<T> NotFound(string message) => new() { Kind = OutcomeKind.NotFound, Message = message };
    public static Outcome<T> Invalid(FieldErrors errors) => new() { Kind = OutcomeKind.Invalid, Errors = errors, Message = "提交的数据有误" };
    public static Outcome<T> Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));
    public static Outcome<T> Conflict(string message) => new() { Kind = OutcomeKind.Conflict, Message = message };
    public static Outcome<T> Forbidden(string message) => new() { Kind = OutcomeKind.Forbidden, Message = message };

    public static implicit operator Outcome<T>(T value) => Ok(value);
}

/// <summary>Validation messages keyed by the camelCase JSON name of the field.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public FieldErrors AddIf(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public IEnumerable<KeyValuePair<string, List<string>>> Entries => _errors;
}
