import type { Readable } from 'node:stream';
import type { S3StorageConfig } from '../../config.ts';
import { checkKey, type FileStorage, isKey, STORAGE_FOLDERS } from './storage.ts';

type S3Module = typeof import('@aws-sdk/client-s3');
type PresignerModule = typeof import('@aws-sdk/s3-request-presigner');

interface Loaded {
  sdk: S3Module;
  client: InstanceType<S3Module['S3Client']>;
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Files as objects in an S3-compatible bucket, under the same keys as on disk. The AWS SDK is
 * loaded on first use only: it is large and warns about the Node version when it loads.
 */
export function createS3Storage(config: S3StorageConfig): FileStorage {
  let loading: Promise<Loaded> | undefined;
  let presigner: Promise<PresignerModule> | undefined;
  const load = () => {
    loading ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        credentials: config.credentials,
        // Checksums on every request are newer than many S3-compatible servers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return loading;
  };
  const Bucket = config.bucket;

  async function get(key: string) {
    const { sdk, client } = await load();
    try {
      return await client.send(new sdk.GetObjectCommand({ Bucket, Key: checkKey(key) }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      const { sdk, client } = await load();
      await client.send(
        new sdk.PutObjectCommand({ Bucket, Key: checkKey(key), Body: bytes, ContentType: contentType }),
      );
    },
    async read(key) {
      const object = await get(key);
      if (!object?.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    },
    async serve(key, headers) {
      if (config.serve === 'redirect') {
        const { sdk, client } = await load();
        presigner ??= import('@aws-sdk/s3-request-presigner');
        const { getSignedUrl } = await presigner;
        // A missing object must stay a 404 here, not a redirect to S3's error page.
        try {
          await client.send(new sdk.HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
        const command = new sdk.GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentType: headers.contentType,
          ResponseContentDisposition: headers.contentDisposition,
          ResponseCacheControl: headers.cacheControl,
        });
        return {
          kind: 'redirect',
          url: await getSignedUrl(client, command, { expiresIn: config.signedUrlSeconds }),
        };
      }
      const object = await get(key);
      if (!object?.Body) return null;
      return { kind: 'body', body: object.Body as Readable, size: object.ContentLength ?? 0 };
    },
    async remove(key) {
      const { sdk, client } = await load();
      // S3 answers a delete of a missing key with success, as the interface asks.
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
    async *list() {
      const { sdk, client } = await load();
      for (const folder of STORAGE_FOLDERS) {
        let ContinuationToken: string | undefined;
        do {
          const page = await client.send(
            new sdk.ListObjectsV2Command({ Bucket, Prefix: `${folder}/`, ContinuationToken }),
          );
          for (const item of page.Contents ?? []) {
            if (item.Key && isKey(item.Key)) yield { key: item.Key, size: item.Size ?? 0 };
          }
          ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (ContinuationToken);
      }
    },
    close() {
      if (loading) void loading.then(({ client }) => client.destroy()).catch(() => {});
    },
  };
}
