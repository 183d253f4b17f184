using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Identity;

namespace ElderCare.Tests.Access;

/// <summary>Two nodes starting together both find no user (ADR 32): the one whose name check comes after the other's insert
/// is told the name is taken — that is the administrator made, not a refused password. Found by deploy/cluster.sh.</summary>
public sealed class BootstrapAdminTests
{
    private static readonly IdentityErrorDescriber Describe = new();

    [Fact]
    public void The_name_taken_by_the_other_node_means_the_administrator_is_made()
    {
        Assert.True(BootstrapAdmin.MadeByAnotherNode(IdentityResult.Failed(Describe.DuplicateUserName(BootstrapAdmin.UserName))));
        Assert.False(BootstrapAdmin.MadeByAnotherNode(IdentityResult.Failed(Describe.PasswordTooShort(12))));
        Assert.False(BootstrapAdmin.MadeByAnotherNode(IdentityResult.Success));
    }
}
