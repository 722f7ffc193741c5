using Microsoft.Extensions.Hosting;
using Quartz;

namespace TrendInsight.Scheduler.Hosting;

/// <summary>Registers the schedules before Quartz's hosted service starts the scheduler.</summary>
internal sealed class ScheduleRegistrarService : IHostedService
{
    private readonly ISchedulerFactory _factory;
    private readonly ScheduleRegistrar _registrar;
    private readonly SchedulerSettings _settings;

    public ScheduleRegistrarService(ISchedulerFactory factory, ScheduleRegistrar registrar, SchedulerSettings settings)
    {
        _factory = factory;
        _registrar = registrar;
        _settings = settings;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (_settings.RegisterSchedules)
        {
            await _registrar.EnsureAsync(scheduler, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
