import { defineOperation } from '../operation';
import { listTagsForResource } from '../../services/tags.service';

export default defineOperation<Parameters<typeof listTagsForResource>[2]>('ListTagsForResource', listTagsForResource);
