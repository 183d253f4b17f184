using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace ElderCare.Web.Data;

/// <summary>
/// ADR 25: every enum is stored as its name, never as a number — scalar properties (nullable ones too), the element
/// type of a primitive collection, and the properties of owned JSON documents — so a reordered enum never changes a
/// stored value. A property that must differ configures its own conversion, which wins over a convention.
/// </summary>
public sealed class EnumsAsText : IPropertyAddedConvention, IPropertyElementTypeChangedConvention
{
    public void ProcessPropertyAdded(IConventionPropertyBuilder propertyBuilder, IConventionContext<IConventionPropertyBuilder> context)
    {
        if (IsEnum(propertyBuilder.Metadata.ClrType)) propertyBuilder.HasConversion(typeof(string));
    }

    public void ProcessPropertyElementTypeChanged(IConventionPropertyBuilder propertyBuilder, IElementType? newElementType,
        IElementType? oldElementType, IConventionContext<IElementType> context)
    {
        if (newElementType is IConventionElementType element && IsEnum(element.ClrType)) element.Builder.HasConversion(typeof(string));
    }

    private static bool IsEnum(Type type) => (Nullable.GetUnderlyingType(type) ?? type).IsEnum;
}
