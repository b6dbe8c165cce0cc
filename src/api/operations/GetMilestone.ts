import { defineOperation } from '../operation';
import { getMilestone } from '../../services/milestones.service';

export default defineOperation<Parameters<typeof getMilestone>[2]>('GetMilestone', getMilestone);
