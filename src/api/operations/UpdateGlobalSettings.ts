import { defineOperation } from '../operation';
import { updateGlobalSettings } from '../../services/settings.service';

export default defineOperation<Parameters<typeof updateGlobalSettings>[2]>('UpdateGlobalSettings', updateGlobalSettings);
