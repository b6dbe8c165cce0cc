import { defineOperation } from '../operation';
import { associateProfiles } from '../../services/profiles/workload-profiles.service';

export default defineOperation<Parameters<typeof associateProfiles>[2]>('AssociateProfiles', associateProfiles);
