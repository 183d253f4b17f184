using ElderCare.ApiClient;
using ElderCare.ApiClient.Models;
using ElderCare.Tests.Infrastructure;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Role = ElderCare.Web.Features.Access.Role;

namespace ElderCare.Tests.OpenApi;

/// <summary>
/// ADR 29: the main flows driven through the client Kiota generated from the OpenAPI document (tests/ElderCare.ApiClient,
/// scripts/generate-client.sh), as an integrator would; if the document were wrong (a body under another type's name,
/// a missing response schema), these requests would send or read the wrong shapes. On both providers.
/// </summary>
[Collection(nameof(SharedApp))]
public class GeneratedClientFlowTests(AppFactory app)
{
    /// <summary>The generated client over a test-host HttpClient (its bearer token, if any, in the default headers).</summary>
    private static ElderCareClient Client(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = "http://localhost" });

    private async Task<ElderCareClient> As(Role role, string? region = null) => Client(await app.ClientAs(role, region));

    private static async Task<ElderResource> NewElder(ElderCareClient api, double lat = Make.HomeLat) =>
        (await api.Api.Elders.PostAsync(new ElderInput
        {
            Name = "客户端测试老人", IdNumber = Make.IdNumber("19380305"), RegionCode = Make.Changyuan,
            LivingArrangement = LivingArrangement.Alone, Categories = [ElderCategory.ExtremePoverty],
            Location = new LocationResource { Lat = lat, Lng = Make.HomeLng }, Address = "荣昌区昌元街道海棠路 8 号",
            Consent = new ConsentInput { Basis = "本人同意" },
            EmergencyContacts = [new ContactInput { Name = "李小军", Relation = "儿子", Phone = "13900001111" }],
        }))!;

    [Fact]
    public async Task A_facility_is_registered_and_checked_against_the_construction_standard()
    {
        var api = await As(Role.DistrictStaff);
        var facility = (await api.Api.Facilities.PostAsync(new FacilityInput
        {
            Name = $"客户端街道中心{Make.Serial()}", Type = FacilityType.StreetCenter, RegionCode = Make.Changyuan,
            Status = FacilityStatus.Operating, FloorArea = 1600, Beds = new BedsResource { Total = 30, Nursing = 20, DayCare = 10 },
            Zones = [.. Make.StreetZones.Select(z => (Zone?)Enum.Parse<Zone>(z.ToString()))],
            OperationMode = OperationMode.PublicPrivate, OperatorName = "荣昌区颐养社会工作服务中心",
            MedicalCare = new MedicalCareResource { Mode = MedicalCareMode.Agreement, Partner = "昌元街道社区卫生服务中心" },
            OpenedOn = new Date(2020, 6, 1), Location = new LocationResource { Lat = 29.4048, Lng = 105.5942 }, Address = "荣昌区昌元街道",
        }))!;
        Assert.Equal(FacilityType.StreetCenter, facility.Type);

        var report = (await api.Api.Facilities[facility.Id!.Value].Compliance.GetAsync())!;
        Assert.True(report.Compliant, string.Join("；", report.Findings?.Select(f => f.Message) ?? []));
        Assert.Equal(facility.Name, (await api.Api.Facilities[facility.Id.Value].GetAsync())!.Name);

        // A refusal arrives as the document's ProblemDetails, with the field errors.
        var refused = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => api.Api.Facilities.PostAsync(new FacilityInput { Name = "" }));
        Assert.Equal(400, refused.ResponseStatusCode);
    }

    [Fact]
    public async Task An_elder_is_registered_and_assessed_and_gets_the_level()
    {
        var api = await As(Role.DistrictStaff);
        var elder = await NewElder(api);
        var items = new AssessmentInput_items();
        foreach (var item in ElderCare.Web.Features.Assessments.CapabilityForm.Items) items.AdditionalData[item.Code] = item.MaxScore;
        var assessment = (await api.Api.Elders[elder.Id!.Value].Assessments.PostAsync(new AssessmentInput
        {
            AssessedOn = new Date(2026, 11, 20), Reason = AssessmentReason.First, Assessors = ["评估员甲", "评估员乙"], Items = items,
            Coma = false, DiagnosedMentalDisorder = false, RiskEvents30d = 0,
        }))!;
        Assert.Equal(0, assessment.Level);
        Assert.Equal(0, (await api.Api.Elders[elder.Id.Value].GetAsync())!.CurrentLevel);
    }

    [Fact]
    public async Task A_service_order_goes_from_raised_to_a_verified_visit()
    {
        var staff = await app.ClientAs(Role.DistrictStaff);
        var api = Client(staff);
        var facility = await staff.NewFacility(Make.Facility(name: $"客户端服务中心{Make.Serial()}"));
        var provider = await staff.ProviderOf(facility);
        var user = await app.User(Role.Caregiver, name: $"kiota-caregiver{Make.Serial()}");
        var worker = await staff.NewWorker(Make.Caregiver(provider, "客户端护理员", user.UserName, baseLat: Make.HomeLat + 0.009));
        var caregiver = Client(await app.ClientOf(user.UserName!));
        var elder = await NewElder(api);
        var bathing = await staff.ServiceItem("bathing");
        var now = app.Clock.GetUtcNow();

        var order = (await api.Api.Orders.PostAsync(new RaiseOrderInput
        {
            ElderId = elder.Id, ServiceItemId = bathing, WindowStart = now.AddMinutes(-90), WindowEnd = now.AddMinutes(10),
        }))!;
        Assert.Equal(OrderStatus.Requested, order.Status);
        var id = order.Id!.Value;
        Assert.Equal(OrderStatus.Assigned, (await api.Api.Orders[id].Assign.PostAsync(new AssignOrderInput { WorkerId = worker }))!.Status);
        var checkedIn = await caregiver.Api.Orders[id].CheckIn.PostAsync(new RecordVisitClockInput
        {
            Lat = Make.HomeLat + 0.0001, Lng = Make.HomeLng, At = now.AddMinutes(-85),
        });
        Assert.Equal(OrderStatus.InProgress, checkedIn!.Status);
        var code = (await api.Api.Orders[id].ConfirmationCode.GetAsync())!.Code;
        await caregiver.Api.Orders[id].Confirm.PostAsync(new RecordVisitConfirmInput { Code = code });
        var done = (await caregiver.Api.Orders[id].CheckOut.PostAsync(new RecordVisitCheckOutInput
        {
            Lat = Make.HomeLat, Lng = Make.HomeLng + 0.0001, At = now.AddMinutes(-25), Notes = "协助洗浴，皮肤无异常",
        }))!;
        Assert.Equal(OrderStatus.Completed, done.Status);
        Assert.Equal(Verification.Verified, done.Verification);
    }

    [Fact]
    public async Task A_device_raises_an_alarm_that_is_handled_to_resolved()
    {
        var staff = await As(Role.DistrictStaff);
        var elder = await NewElder(staff);
        var device = (await staff.Api.Devices.PostAsync(new RegisterDeviceInput
        {
            ElderId = elder.Id, Kind = DeviceKind.OneKeyTerminal, Serial = $"KIOTA-{Make.Serial():000000}",
        }))!;
        Assert.StartsWith("dk_", device.Key);

        var anonymous = Client(app.CreateClient());
        var raised = (await anonymous.Api.Alarms.PostAsync(new RaiseAlarmInput
        {
            Kind = AlarmKind.Sos, OccurredAt = app.Clock.GetUtcNow().AddSeconds(-5),
            Location = new LocationResource { Lat = 29.4001, Lng = 105.5901 },
        }, c =>
        {
            c.Headers.Add("X-Device-Key", device.Key!);
            c.Headers.Add("Idempotency-Key", $"kiota-{Guid.NewGuid():N}");
        }))!;
        Assert.Equal(AlarmStatus.Raised, raised.Status);

        var officer = await As(Role.TownOfficer, Make.Changyuan);
        var alarm = officer.Api.Alarms[raised.Id!.Value];
        Assert.Equal(AlarmStatus.Acknowledged, (await alarm.Acknowledge.PostAsync(new AdvanceAlarmInput()))!.Status);
        await alarm.Dispatch.PostAsync(new AdvanceAlarmInput { Responder = ResponderKind.StationHelper, ResponderName = "王强" });
        await alarm.OnSite.PostAsync(new AdvanceAlarmInput { Location = new LocationResource { Lat = 29.4001, Lng = 105.5901 } });
        var resolved = (await alarm.Resolve.PostAsync(new AdvanceAlarmInput { Outcome = AlarmOutcome.RealEmergency, Note = "已送医" }))!;
        Assert.Equal(AlarmStatus.Resolved, resolved.Status);
    }
}
