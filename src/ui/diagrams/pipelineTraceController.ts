import type { Unsubscribe } from '../../eventStore/types';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { SimulatorSubscriptionController } from '../controllers/simulatorSubscriptionController';
import { idleTrace, traceCommand, traceProjector, type PipelineTrace } from '../../simulator/pipeline/pipelineStages';

/**
 * Follows the simulator's commands (`onCommand`) and its projector's checkpoints (`projector.onChange`) and keeps
 * the trace of the latest command, re-rendering the host at each stage it reaches.
 */
export class PipelineTraceController extends SimulatorSubscriptionController<WorkbookSimulator> {
  trace: PipelineTrace = idleTrace;

  /** Shows a trace produced elsewhere (a query the page ran) until the next command. */
  show(trace: PipelineTrace): void {
    this.trace = trace;
    this.host.requestUpdate();
  }

  protected override subscribe(simulator: WorkbookSimulator): readonly Unsubscribe[] {
    return [
      simulator.onCommand((step) => {
        // The projector may already have passed the new events before `appended` is reported: look at it now too.
        this.show(traceProjector(traceCommand(this.trace, step), simulator.projector.getStatus(), step.at));
      }),
      simulator.projector.onChange((status) => {
        const next = traceProjector(this.trace, status, performance.now());
        if (next !== this.trace) this.show(next);
      }),
    ];
  }
}
