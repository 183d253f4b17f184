using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The task's own fields as the new-task and task-details forms post them (三(一): 任务书和责任人).</summary>
public abstract class TaskFormModel : OutcomePageModel
{
    [BindProperty(Name = "title")] public string? Title { get; set; }
    [BindProperty(Name = "kind")] public string? Kind { get; set; }
    [BindProperty(Name = "description")] public string? Description { get; set; }
    [BindProperty(Name = "responsibleName")] public string? ResponsibleName { get; set; }
    [BindProperty(Name = "responsiblePhone")] public string? ResponsiblePhone { get; set; }
    [BindProperty(Name = "responsiblePost")] public string? ResponsiblePost { get; set; }
    [BindProperty(Name = "dueOn")] public string? DueOn { get; set; }
}
