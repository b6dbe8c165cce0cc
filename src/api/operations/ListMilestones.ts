import { defineOperation } from '../operation';
import { listMilestones } from '../../services/milestones.service';

export default defineOperation<Parameters<typeof listMilestones>[2]>('ListMilestones', listMilestones);
