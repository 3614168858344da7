import { displayNameMaxLength } from './protocol';

/** The longest display name a class accepts (trimmed); kept apart so the header's join form can use it without loading the classroom. */
export const maxNameLength = displayNameMaxLength;

/** Where a joined class is remembered (localStorage), so a reload goes back into it. */
export const sessionKey = 'event-workbook.classroom';
