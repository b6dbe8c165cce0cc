import { createProfileShare } from '../../services/shares/profile-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof createProfileShare>[2]>('CreateProfileShare', createProfileShare);
