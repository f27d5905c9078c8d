// Child process for the crash test: starts a run that would replace everything, and kills itself with
// SIGKILL in the middle of staging, after several COPY batches have reached the database.
import { openDb } from '../../dist/src/store/open.js';
import { syncRun } from '../../dist/src/pipeline/sync/run.js';

const [location, killAfter] = process.argv.slice(2);
const db = await openDb(location);
async function* records() {
  yield { type: 'coverage', scope: 'crash:scope', coverage: 'complete' };
  for (let i = 0; ; i++) {
    if (i === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    yield { type: 'asset', scope: 'crash:scope', asset: { uid: `new-${i}`, kind: 'test.thing', name: `new ${i}` } };
  }
}
await syncRun(db, records(), { source: 'crash' });
