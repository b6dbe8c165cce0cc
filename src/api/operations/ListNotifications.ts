import { defineOperation } from '../operation';
import { listNotifications } from '../../services/lenses/notifications.service';

export default defineOperation<Parameters<typeof listNotifications>[2]>('ListNotifications', listNotifications);
