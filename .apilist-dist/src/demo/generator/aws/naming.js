/** S3 bucket names are global and at most 63 characters: the account alias keeps them unique. */
export function bucketName(alias, purpose) {
    const name = `${alias}-${purpose}`;
    if (name.length <= 63)
        return name;
    return `${alias.slice(0, 62 - purpose.length).replace(/-+$/, '')}-${purpose}`;
}
//# sourceMappingURL=naming.js.map