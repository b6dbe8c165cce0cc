import { defineOperation } from '../operation';
import { upgradeProfileVersion } from '../../services/profiles/workload-profiles.service';

export default defineOperation<Parameters<typeof upgradeProfileVersion>[2]>('UpgradeProfileVersion', upgradeProfileVersion);
