import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribe } from '../../eventStore/types';
import type { WorkbookSimulator } from '../../simulator/simulator';
import { idleTrace, traceCommand, traceProjector, type PipelineTrace } from '../../simulator/pipeline/pipelineStages';

/**
 * Follows the simulator's commands (`onCommand`) and its projector's checkpoints (`projector.onChange`) and keeps
 * the trace of the latest command, re-rendering the host at each stage it reaches.
 */
export class PipelineTraceController implements ReactiveController {
  trace: PipelineTrace = idleTrace;
  private followed: WorkbookSimulator | undefined;
  private unsubscribes: Unsubscribe[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly currentSimulator: () => WorkbookSimulator | undefined,
  ) {
    host.addController(this);
  }

  /** Shows a trace produced elsewhere (a query the page ran) until the next command. */
  show(trace: PipelineTrace): void {
    this.trace = trace;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.follow(this.currentSimulator());
  }

  hostUpdated(): void {
    const simulator = this.currentSimulator();
    if (simulator !== this.followed) this.follow(simulator);
  }

  hostDisconnected(): void {
    this.stopFollowing();
  }

  private follow(simulator: WorkbookSimulator | undefined): void {
    this.stopFollowing();
    this.followed = simulator;
    if (simulator === undefined) return;
    this.unsubscribes = [
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

  private stopFollowing(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    this.followed = undefined;
  }
}
