import { defineOperation } from '../operation';
import { updateProfile } from '../../services/profiles/profiles.service';

export default defineOperation<Parameters<typeof updateProfile>[2]>('UpdateProfile', updateProfile);
