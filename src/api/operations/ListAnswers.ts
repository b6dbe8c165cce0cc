import { answerSummariesBody } from '../answer-body';
import { defineOperation } from '../operation';
import { listAnswers } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof listAnswers>[2]>('ListAnswers', listAnswers, undefined, answerSummariesBody);
