import { answerBody } from '../answer-body';
import { defineOperation } from '../operation';
import { getAnswer } from '../../services/reviews/reviews.service';

export default defineOperation<Parameters<typeof getAnswer>[2]>('GetAnswer', getAnswer, undefined, answerBody);
