import { defineOperation } from '../operation';
import { createMilestone } from '../../services/milestones.service';

export default defineOperation<Parameters<typeof createMilestone>[2]>('CreateMilestone', createMilestone);
