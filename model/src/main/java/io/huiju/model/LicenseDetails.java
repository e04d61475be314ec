package io.huiju.model;

/** 行政许可: 许可类别, 许可证书名称, 许可编号. */
public record LicenseDetails(String licenseCategory, String certificateName, String licenseNumber) implements Details {}
