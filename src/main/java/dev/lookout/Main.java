package dev.lookout;

public final class Main {
  public static void main(String[] args) {
  }
}
