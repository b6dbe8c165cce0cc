import { defineOperation } from '../operation';
import { getProfile } from '../../services/profiles/profiles.service';

export default defineOperation<Parameters<typeof getProfile>[2]>('GetProfile', getProfile);
