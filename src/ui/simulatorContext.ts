import { createContext } from '@lit/context';
import type { WorkbookSimulator } from '../simulator/simulator';

/** `<workbook-app>` provides the one simulator; every view below it consumes it instead of importing one. */
export const simulatorContext = createContext<WorkbookSimulator | undefined>(Symbol('simulator'));
