import { defineOperation } from '../operation';
import { getGlobalSettings } from '../../services/settings.service';

export default defineOperation<Record<string, never>>('GetGlobalSettings', (ctx, principal) => getGlobalSettings(ctx, principal));
