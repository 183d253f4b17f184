using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace ElderCare.Web.Data;

/// <summary>
/// Every entity with a single <see cref="Guid"/> key makes that key itself (<c>Guid.CreateVersion7()</c> in code), so
/// neither EF nor the database generates it: an entity added to a tracked graph with its key already set is an insert,
/// never taken for an update of a row that does not exist. Owned types keep EF's own keys. A key that must be generated
/// says so in its configuration, which wins over a convention.
/// </summary>
public sealed class GuidKeysFromCode : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes().Where(e => !e.IsOwned()))
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid))
                key.Builder.ValueGenerated(ValueGenerated.Never);
    }
}
