/** "1 command", "2 commands": a count with its noun in the right number (`many` for an irregular plural). */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
