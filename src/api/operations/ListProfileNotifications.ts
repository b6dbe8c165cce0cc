import { defineOperation } from '../operation';
import { listProfileNotifications } from '../../services/profiles/workload-profiles.service';

export default defineOperation<Parameters<typeof listProfileNotifications>[2]>('ListProfileNotifications', listProfileNotifications);
