import { defineOperation } from '../operation';
import { disassociateProfiles } from '../../services/profiles/workload-profiles.service';

export default defineOperation<Parameters<typeof disassociateProfiles>[2]>('DisassociateProfiles', disassociateProfiles);
