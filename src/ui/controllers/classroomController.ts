import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Classroom, ClassroomView } from '../../classroom/classroomSession';

/** Follows the classroom's state (joined, connection, waiting commands, refusals) and re-renders the host on change. */
export class ClassroomController implements ReactiveController {
  view: ClassroomView = { phase: 'own' };
  private unsubscribe: (() => void) | undefined;
  private classroom: Classroom | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Called by the host with its `classroom` property, on every update: following the same one again does nothing. */
  follow(classroom: Classroom | undefined): void {
    if (classroom === this.classroom && (this.unsubscribe !== undefined || classroom === undefined)) return;
    this.unsubscribe?.();
    this.classroom = classroom;
    this.subscribe();
  }

  private subscribe(): void {
    this.view = this.classroom?.view() ?? { phase: 'own' };
    this.unsubscribe = this.classroom?.onChange((view) => {
      this.view = view;
      this.host.requestUpdate();
    });
  }

  hostConnected(): void {
    if (this.classroom !== undefined && this.unsubscribe === undefined) this.subscribe();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
