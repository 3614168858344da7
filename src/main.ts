import './ui/components/workbook-app';
import { createBrowserSimulator, workbookUpcasting } from './simulator/simulator';
import { recordMetrics } from './simulator/metrics/registry';
import { describeOpenWaiting } from './db/open';
import { sessionKey } from './classroom/classroomLimits';
import type { Classroom } from './classroom/classroomSession';
import type { WorkbookApp } from './ui/components/workbook-app';
import type { WorkbookSimulator } from './simulator/simulator';

/**
 * Starts the app: opens the event store (IndexedDB, through the simulator) and hands the simulator to the page.
 * The page renders at once with "Opening the event store…" and fills in when the store is ready.
 */
async function start(): Promise<void> {
  const app = document.querySelector('workbook-app') ?? document.body.appendChild(document.createElement('workbook-app'));
  try {
    const simulator = await createBrowserSimulator({
      onVersionChange: (error) => {
        app.storageNotice = error.message;
      },
      // A tab that died mid-write holds the database for a while: wait for it, saying so, instead of failing.
      onWaiting: (waiting) => {
        app.startupWaiting = describeOpenWaiting(waiting);
      },
    });
    app.startupWaiting = undefined;
    // Metrics record from the start, so commands sent from any screen count on the metrics screen and GET /metrics.
    recordMetrics(simulator);
    app.simulator = simulator;
    const loadClassroom = classroomLoader(app, simulator);
    app.loadClassroom = loadClassroom;
    // A reload goes back into the class this browser had joined.
    if (localStorage.getItem(sessionKey) !== null) {
      const notRejoined = await (await loadClassroom()).restore();
      if (notRejoined !== undefined) app.storageNotice = notRejoined;
    }
  } catch (error) {
    // IndexedDB can be unavailable (some private modes); say so, with a Retry, instead of a blank page. Not
    // rethrown: the page has said everything there is to say, an uncaught error would only add noise.
    app.startupWaiting = undefined;
    app.startupError = error instanceof Error ? error.message : String(error);
    console.error('The simulator could not start', error);
  }
}

/**
 * Classroom mode, loaded the first time it is needed (a join, or a reload while in a class): a class's simulator
 * replaces the own one on the screens while joined; the own one stays open and untouched, and comes back on leaving.
 */
function classroomLoader(app: WorkbookApp, ownSimulator: WorkbookSimulator): () => Promise<Classroom> {
  let loading: Promise<Classroom> | undefined;
  const load = async (): Promise<Classroom> => {
    // The class's simulator keeps its read models in memory: loaded with the classroom, not with the first screen.
    const [{ createClassroom }, { createClassSimulator }] = await Promise.all([
      import('./classroom/classroomSession'),
      import('./simulator/memorySimulators'),
    ]);
    const classroom = createClassroom({
      ownSimulator,
      createSimulator: createClassSimulator,
      upcasting: workbookUpcasting,
      show: (shown) => {
        app.simulator = shown;
      },
      storage: localStorage,
      origin: location.origin,
    });
    app.classroom = classroom;
    return classroom;
  };
  return () => (loading ??= load());
}

void start();
