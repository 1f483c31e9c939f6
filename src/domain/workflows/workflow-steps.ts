// Which step a workflow runs next: its historical batches in order, then incremental runs by its trigger.
// OnDemand and Event run once after the batches; Scheduled runs at each firing of its ScheduleExpression
// (plus ScheduleOffset) from ScheduleStartTime until ScheduleEndTime. Incremental runs read the window from
// the end of the previous run (or the last batch, or FirstExecutionFrom) up to the moment the run starts;
// Complete runs read everything each time.
import type { WorkflowRecord, WorkflowStepRecord } from '../../storage/workflow-ports.js';
import type { FlowDefinition } from '../../generated/shapes.js';
import { parseSchedule } from './schedule.js';

export const INTEGRATION_WORKFLOW_JOB = 'integration-workflow';

const MAX_FLOW_NAME = 256;

function flowName(base: string, suffix: string): string {
  return base.slice(0, MAX_FLOW_NAME - suffix.length) + suffix;
}

export const batchFlowName = (base: string, n: number) => flowName(base, `-batch-${n}`);
export const runFlowName = (base: string, n: number) => flowName(base, `-run-${n}`);

export type NextStep =
  | { readonly kind: 'done' }
  | { readonly kind: 'wait'; readonly until: Date }
  | { readonly kind: 'run'; readonly windowStart?: Date; readonly windowEnd?: Date };

export function nextStep(workflow: WorkflowRecord, flow: FlowDefinition, steps: readonly WorkflowStepRecord[], now: Date): NextStep {
  const runs = steps.filter((step) => step.kind === 'run');
  const batchEnds = steps.filter((step) => step.kind === 'batch').map((step) => step.windowEnd?.getTime() ?? 0);
  const lastBatchEnd = batchEnds.length > 0 ? new Date(Math.max(...batchEnds)) : undefined;
  const lastRun = runs.at(-1);
  const trigger = flow.TriggerConfig;
  const scheduled = trigger.TriggerProperties?.Scheduled;
  if (trigger.TriggerType !== 'Scheduled' || !scheduled) {
    // The one run of OnDemand/Event has no successor, so its window stays open: nothing modified while it runs is left out.
    return lastRun ? { kind: 'done' } : { kind: 'run', windowStart: lastBatchEnd };
  }
  const anchor = scheduled.ScheduleStartTime ?? workflow.createdAt;
  const schedule = parseSchedule(scheduled.ScheduleExpression, anchor);
  if (!schedule) return { kind: 'done' };
  const offsetMs = (scheduled.ScheduleOffset ?? 0) * 1000;
  const due = lastRun?.windowEnd ? new Date(schedule.nextFire(new Date(lastRun.windowEnd.getTime() - offsetMs)).getTime() + offsetMs) : new Date(anchor.getTime() + offsetMs);
  if (scheduled.ScheduleEndTime && due > scheduled.ScheduleEndTime) return { kind: 'done' };
  if (due > now) return { kind: 'wait', until: due };
  if (scheduled.DataPullMode === 'Complete') return { kind: 'run', windowEnd: now };
  return { kind: 'run', windowStart: lastRun?.windowEnd ?? lastBatchEnd ?? scheduled.FirstExecutionFrom, windowEnd: now };
}
