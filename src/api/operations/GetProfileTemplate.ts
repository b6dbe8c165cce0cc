import { defineOperation } from '../operation';
import { getProfileTemplate } from '../../services/profiles/profile-template';

export default defineOperation<Record<string, never>>('GetProfileTemplate', getProfileTemplate);
