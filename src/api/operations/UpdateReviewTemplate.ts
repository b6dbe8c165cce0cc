import { defineOperation } from '../operation';
import { templateProblems, updateReviewTemplate } from '../../services/templates/templates.service';

export default defineOperation<Parameters<typeof updateReviewTemplate>[2]>('UpdateReviewTemplate', updateReviewTemplate, templateProblems);
