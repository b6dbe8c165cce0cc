import { deleteProfileShare } from '../../services/shares/profile-shares.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof deleteProfileShare>[2]>('DeleteProfileShare', deleteProfileShare);
