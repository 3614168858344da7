import { createContext } from '@lit/context';
import type { Simulator } from '../simulator/types';

/** `<workbook-app>` provides the one simulator; every view below it consumes it instead of importing one. */
export const simulatorContext = createContext<Simulator | undefined>(Symbol('simulator'));
