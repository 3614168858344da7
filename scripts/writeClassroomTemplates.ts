import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autogradingJson, classroomWorkflow } from './grading/classroomTemplates';
import { gradingColumns } from './grading/columns';

/** Writes GitHub Classroom's autograding files from the columns a class is graded on (after an exercise is added). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(root, '.github/classroom/autograding.json'), autogradingJson(gradingColumns()));
writeFileSync(join(root, '.github/workflows/classroom.yml'), classroomWorkflow(gradingColumns()));
console.log('Wrote .github/classroom/autograding.json and .github/workflows/classroom.yml');
