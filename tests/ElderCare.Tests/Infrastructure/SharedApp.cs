namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// One app for the test classes that can share it (ADR 26), instead of one each: a fixture's start is about 1.7 s of CPU.
/// A class joins only when it adds nothing but rows of its own (users and elders under names of its own), reads nothing
/// that another class's rows would change (no counts, statistics or whole lists), and never moves the clock or changes
/// the settings, the regions or the audit chain. A class that does (AuditRetentionTests moves the clock 181 days,
/// SignInTests 91) keeps an <see cref="AppFactory"/> of its own. The classes of a collection run one after another.
/// </summary>
[CollectionDefinition(nameof(SharedApp))]
public sealed class SharedApp : ICollectionFixture<AppFactory>;
