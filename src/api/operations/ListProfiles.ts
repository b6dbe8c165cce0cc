import { defineOperation } from '../operation';
import { listProfiles } from '../../services/profiles/profiles.service';

export default defineOperation<Parameters<typeof listProfiles>[2]>('ListProfiles', listProfiles);
