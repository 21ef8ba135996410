import { startWorker } from '@/lib/jobs/worker';
import { composeReadyMessages } from '@/lib/pickup/ready-email';
console.log('loaded', typeof startWorker, typeof composeReadyMessages);
process.exit(0);
