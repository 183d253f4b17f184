using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Outbound;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Outbound;

/// <summary>
/// The app with an SMS gateway configured at a local <see cref="Receiver"/>, webhooks allowed over http to it, and every
/// clock and the outbox pass switched off (the tests run the passes with the fake clock). With <see cref="SharedDatabase"/>
/// it runs on another host's database and field keys: a restart of the app on the same data.
/// </summary>
public class OutboundApp : AppFactory
{
    public const string AppSecret = "test-gateway-secret-0123456789";
    public const string Signature = "荣昌区智慧养老";

    public Receiver Receiver { get; }
    private readonly bool _ownsReceiver;

    /// <summary>Connection string and field-key file of a database that outlives this host (the restart test).</summary>
    public (string Connection, string KeyFile)? SharedDatabase { get; init; }

    public OutboundApp() : this(null)
    {
    }

    protected OutboundApp(Receiver? receiver)
    {
        _ownsReceiver = receiver is null;
        Receiver = receiver ?? Receiver.StartAsync().GetAwaiter().GetResult();
        Settings["Outbound:IntervalSeconds"] = "0";
        Settings["Outbound:RequireHttps"] = "false";
        Settings["Alarms:ClockIntervalSeconds"] = "0";
        Settings["Tasks:ClockIntervalSeconds"] = "0";
        Settings["Sms:GatewayUrl"] = Receiver.Url + "/sms";
        Settings["Sms:AppKey"] = "eldercare-test";
        Settings["Sms:AppSecret"] = AppSecret;
        Settings["Sms:Signature"] = Signature;
        Settings["Sms:Templates:VisitCode"] = "SMS_1001";
        Settings["Sms:Templates:AlarmNotice"] = "SMS_1002";
        Settings["Sms:Templates:Reminder"] = "SMS_1003";
        Settings["Sms:DailyLimitPerNumber"] = "3";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (SharedDatabase is { } shared)
        {
            builder.UseSetting("ConnectionStrings:App", shared.Connection);
            builder.UseSetting("FieldEncryption:KeyFile", shared.KeyFile);
        }
    }

    /// <summary>One pass of the outbox sender, as the background pass runs it.</summary>
    public async Task<int> SendOutbox()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(db, default);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsReceiver) await Receiver.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>An <see cref="OutboundApp"/> with the receiver of the test (the restart test keeps one receiver across two hosts).</summary>
public sealed class OutboundAppWith(Receiver receiver) : OutboundApp(receiver);
