import './ui/components/workbook-app';
import { createBrowserSimulator } from './simulator/simulator';
import { recordMetrics } from './simulator/metrics/registry';

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
    });
    // Metrics record from the start, so commands sent from any screen count on the metrics screen and GET /metrics.
    recordMetrics(simulator);
    app.simulator = simulator;
  } catch (error) {
    // IndexedDB can be unavailable (some private modes) or blocked by an older tab; say so instead of a blank page.
    app.startupError = error instanceof Error ? error.message : String(error);
    throw error;
  }
}

void start();
