import { defineOperation } from '../operation';
import { deleteProfile } from '../../services/profiles/profiles.service';

export default defineOperation<Parameters<typeof deleteProfile>[2]>('DeleteProfile', deleteProfile);
