import { claimsOf } from '../src/grading/language/claims';
const texts = process.argv.slice(2);
for (const t of texts) {
  console.log('>>', t);
  for (const c of claimsOf(t, ['query'])) console.log(`   ${c.negated ? 'NOT ' : ''}[${c.agent.join(',')}] ${c.action.join('/')} [${c.patient.join(',')}]`);
}
