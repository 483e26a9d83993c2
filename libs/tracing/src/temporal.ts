import type { ClientInterceptors } from '@temporalio/client';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import type { Tracing } from './tracing';

/**
 * Client side: starting a workflow, sending an Update or a signal opens a span and puts its
 * context into the Temporal headers (the request's trace continues in the workflow).
 */
export function temporalClientInterceptors(tracing: Tracing | undefined): ClientInterceptors {
  return tracing ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : {};
}

/**
 * Worker side: the workflow interceptors (a module the Temporal bundler adds to the workflow
 * bundle — our workflow code imports nothing of OpenTelemetry, and the interceptors create no
 * commands, so histories replay the same with or without them: test/replay), their spans leaving
 * the sandbox through a sink into this process's span processor, and the activity interceptors.
 * A case's `RunWorkflow` span ends (and is exported) only when its workflow closes or continues as
 * new, months later; the spans of what happens in between — Updates, their activities, timers'
 * activities — are exported as they end, under the trace of the request that caused them.
 */
export function temporalWorkerTracing(tracing: Tracing | undefined): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!tracing) return {};
  return {
    interceptors: {
      workflowModules: [WORKFLOW_INTERCEPTORS_MODULE],
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}

/** What `OpenTelemetryPlugin` of the same package registers (the plugin API is still experimental). */
export const WORKFLOW_INTERCEPTORS_MODULE = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');
